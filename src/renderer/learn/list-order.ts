/** How a view's list is ordered: as the digests listed it, or by what the reader has been keeping. */
export type ListOrder = 'digest' | 'for-you';
