import { m0001Foundation } from './0001_foundation';
import { m0002Members } from './0002_members';
import { m0003Disclosures } from './0003_disclosures';
import { m0004Proposals } from './0004_proposals';
import { m0005ImportMappings } from './0005_import_mappings';
import { m0006Archive } from './0006_archive';
import { m0007Plans } from './0007_plans';
import { m0010ImportIssues } from './0010_import_issues';
import { m0008Care } from './0008_care';
import { m0009Operators } from './0009_operators';
import { m0013CareFiles } from './0013_care_files';
import { m0014DuesImport } from './0014_dues_import';
import { m0011AuditChain } from './0011_audit_chain';
import { m0015AuditHead } from './0015_audit_head';
import { m0016NamePostings } from './0016_name_postings';
import { m0017MembersSort } from './0017_members_sort';
import type { Migration } from './types';

/** Ordered; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [m0001Foundation, m0002Members, m0003Disclosures, m0004Proposals, m0005ImportMappings, m0006Archive, m0007Plans, m0008Care, m0009Operators, m0010ImportIssues, m0011AuditChain, m0013CareFiles, m0014DuesImport, m0015AuditHead, m0016NamePostings, m0017MembersSort];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
