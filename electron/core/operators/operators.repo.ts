/** SQL of the operators table (migration 0009). */
import type { Role } from '../../../shared/domain/permissions';
import type { DB } from '../db/open';
import { stmt } from '../db/stmt';

export interface OperatorDbRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export const listOperators = (db: DB): OperatorDbRow[] => stmt(db, 'SELECT * FROM operators ORDER BY id').all() as OperatorDbRow[];

export const getOperator = (db: DB, id: number): OperatorDbRow | undefined =>
  stmt(db, 'SELECT * FROM operators WHERE id = ?').get(id) as OperatorDbRow | undefined;

export const findOperatorByName = (db: DB, name: string): OperatorDbRow | undefined =>
  stmt(db, 'SELECT * FROM operators WHERE name = ?').get(name) as OperatorDbRow | undefined;

/** Login is on while any enabled operator has a password. */
export const loginEnabled = (db: DB): boolean =>
  !!stmt(db, 'SELECT 1 FROM operators WHERE password_hash IS NOT NULL AND disabled = 0 LIMIT 1').get();

export const countPasswordAdmins = (db: DB): number =>
  (stmt(db, "SELECT count(*) AS n FROM operators WHERE role = 'admin' AND password_hash IS NOT NULL AND disabled = 0").get() as { n: number }).n;

export function insertOperator(db: DB, name: string, role: Role, hash: string | null, at: string): number {
  return Number(
    stmt(db, 'INSERT INTO operators (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, role, hash, at, at)
      .lastInsertRowid,
  );
}

export const deleteOperator = (db: DB, id: number): void => {
  stmt(db, 'DELETE FROM operators WHERE id = ?').run(id);
};

export const setOperatorPassword = (db: DB, id: number, hash: string, at: string): void => {
  stmt(db, 'UPDATE operators SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, at, id);
};
