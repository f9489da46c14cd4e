import { m0001Foundation } from './0001_foundation';
import { m0002Members } from './0002_members';
import { m0003Disclosures } from './0003_disclosures';
import { m0004Proposals } from './0004_proposals';
import { m0005ImportMappings } from './0005_import_mappings';
import type { Migration } from './types';

/** Ordered; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [m0001Foundation, m0002Members, m0003Disclosures, m0004Proposals, m0005ImportMappings];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
