import type { Database } from 'better-sqlite3';

/**
 * A counter that moves whenever anything the reader model's packed vectors are built from changes: a
 * paper's stored vector (written, or dropped because its text changed or it went) or a paper's tags.
 * The app keeps the packed vectors between rebuilds and, while the counter and the set of papers are
 * as they were, only retrains on the new decisions (a triage changes no vector) instead of re-reading
 * 100,000 vectors. Derived state written only by triggers, so a restore leaves it to them.
 *
 * A placeholder paper (its title still to be found) has no vector, kept so by a trigger, and the
 * placeholders have a small partial index: papers lacking a vector are then counted as papers minus
 * placeholders minus vectors, instead of a scan of the whole papers table on every rebuild.
 */
export function migration011LearnSpaceChanges(db: Database): void {
  db.exec(`
    CREATE TABLE learn_space_changes (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      changes INTEGER NOT NULL
    ) STRICT;
    INSERT INTO learn_space_changes (id, changes) VALUES (1, 0);
    DELETE FROM paper_vectors WHERE paper_id IN (SELECT id FROM papers WHERE title_is_placeholder = 1);
    CREATE INDEX papers_title_placeholders ON papers (id) WHERE title_is_placeholder = 1;
    CREATE TRIGGER paper_vectors_placeholder_changed AFTER UPDATE OF title_is_placeholder ON papers BEGIN
      DELETE FROM paper_vectors WHERE paper_id = new.id;
    END;
    CREATE TRIGGER learn_space_vector_added AFTER INSERT ON paper_vectors BEGIN
      UPDATE learn_space_changes SET changes = changes + 1 WHERE id = 1;
    END;
    CREATE TRIGGER learn_space_vector_changed AFTER UPDATE ON paper_vectors BEGIN
      UPDATE learn_space_changes SET changes = changes + 1 WHERE id = 1;
    END;
    CREATE TRIGGER learn_space_vector_dropped AFTER DELETE ON paper_vectors BEGIN
      UPDATE learn_space_changes SET changes = changes + 1 WHERE id = 1;
    END;
    CREATE TRIGGER learn_space_tag_added AFTER INSERT ON paper_tags BEGIN
      UPDATE learn_space_changes SET changes = changes + 1 WHERE id = 1;
    END;
    CREATE TRIGGER learn_space_tag_changed AFTER UPDATE ON paper_tags BEGIN
      UPDATE learn_space_changes SET changes = changes + 1 WHERE id = 1;
    END;
    CREATE TRIGGER learn_space_tag_removed AFTER DELETE ON paper_tags BEGIN
      UPDATE learn_space_changes SET changes = changes + 1 WHERE id = 1;
    END;
    CREATE TRIGGER learn_space_tag_renamed AFTER UPDATE OF name ON tags BEGIN
      UPDATE learn_space_changes SET changes = changes + 1 WHERE id = 1;
    END;
  `);
}
