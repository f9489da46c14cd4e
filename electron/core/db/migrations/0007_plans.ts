import type { Migration } from './types';

export const m0007Plans: Migration = {
  version: 7,
  name: 'work plan (工作计划), activity ledger (活动台账), awards (表彰) and labour-dispute mediation (劳动争议调解)',
  up(db) {
    db.exec(`
      -- One plan per 年度 (January–December) or 学年 (September of year → August of year + 1).
      CREATE TABLE plans (
        id          INTEGER PRIMARY KEY,
        year        INTEGER NOT NULL,
        period      TEXT NOT NULL CHECK (period IN ('year', 'school')),
        title       TEXT NOT NULL,
        areas       TEXT NOT NULL DEFAULT '[]',
        source_text TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;
      CREATE UNIQUE INDEX plans_live_year ON plans (year, period) WHERE deleted_at IS NULL;

      -- month is NULL for an item whose month is open (a plan without a schedule); month_to closes a range.
      CREATE TABLE plan_items (
        id            INTEGER PRIMARY KEY,
        plan_id       INTEGER NOT NULL REFERENCES plans (id),
        seq           INTEGER NOT NULL,
        month         INTEGER CHECK (month IS NULL OR month BETWEEN 1 AND 12),
        month_to      INTEGER CHECK (month_to IS NULL OR month_to BETWEEN 1 AND 12),
        title         TEXT NOT NULL,
        kind          TEXT NOT NULL,
        area          TEXT,
        owner         TEXT,
        status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'done', 'cancelled')),
        status_reason TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plan_items_plan ON plan_items (plan_id, seq);

      -- 活动台账 (DOMAIN.md §8.2). head_count is the clerk's count when participants are not listed by name.
      CREATE TABLE activities (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL,
        kind           TEXT NOT NULL,
        start_date     TEXT NOT NULL,
        end_date       TEXT,
        place          TEXT,
        organizer      TEXT,
        head_count     INTEGER CHECK (head_count IS NULL OR head_count >= 0),
        cost_fen       INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
        cost_source    TEXT,
        leader         TEXT,
        summary        TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT,
        deleted_reason TEXT
      ) STRICT;
      CREATE INDEX activities_live_date ON activities (start_date) WHERE deleted_at IS NULL;

      CREATE TABLE activity_participants (
        activity_id INTEGER NOT NULL REFERENCES activities (id),
        member_id   INTEGER NOT NULL REFERENCES members (id),
        PRIMARY KEY (activity_id, member_id)
      ) STRICT;
      CREATE INDEX activity_participants_member ON activity_participants (member_id);

      CREATE TABLE activity_plan_items (
        activity_id  INTEGER NOT NULL REFERENCES activities (id),
        plan_item_id INTEGER NOT NULL REFERENCES plan_items (id),
        PRIMARY KEY (activity_id, plan_item_id)
      ) STRICT;
      CREATE INDEX activity_plan_items_item ON activity_plan_items (plan_item_id);

      -- Photos and attachments live in the content-addressed store (file_blobs), as disclosures' do.
      CREATE TABLE activity_attachments (
        id          INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities (id),
        sha256      TEXT NOT NULL REFERENCES file_blobs (sha256),
        label       TEXT NOT NULL,
        added_at    TEXT NOT NULL,
        removed_at  TEXT
      ) STRICT;
      CREATE INDEX activity_attachments_owner ON activity_attachments (activity_id) WHERE removed_at IS NULL;
      CREATE INDEX activity_attachments_blob ON activity_attachments (sha256);

      -- 评优评先/表彰: recipients are members, or a collective named in collective.
      CREATE TABLE awards (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        level       TEXT NOT NULL,
        grantor     TEXT,
        award_date  TEXT NOT NULL,
        doc_no      TEXT,
        collective  TEXT,
        notes       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;
      CREATE INDEX awards_live_date ON awards (award_date) WHERE deleted_at IS NULL;
      CREATE TABLE award_recipients (
        award_id  INTEGER NOT NULL REFERENCES awards (id),
        member_id INTEGER NOT NULL REFERENCES members (id),
        PRIMARY KEY (award_id, member_id)
      ) STRICT;
      CREATE INDEX award_recipients_member ON award_recipients (member_id);

      -- 劳动争议调解 (劳动争议调解仲裁法 第十至十四条). outcome NULL = still open; overdue after 15 days from accepted_on.
      CREATE TABLE mediation_cases (
        id                  INTEGER PRIMARY KEY,
        form                TEXT NOT NULL CHECK (form IN ('written', 'oral')),
        accepted_on         TEXT NOT NULL,
        applicant_member_id INTEGER REFERENCES members (id),
        applicant           TEXT NOT NULL,
        applicant_id_number TEXT,
        respondent          TEXT NOT NULL,
        category            TEXT NOT NULL,
        matter              TEXT NOT NULL,
        reasons             TEXT,
        mediators           TEXT,
        sessions            TEXT NOT NULL DEFAULT '[]',
        outcome             TEXT CHECK (outcome IS NULL OR outcome IN ('agreed', 'failed', 'withdrawn')),
        closed_on           TEXT,
        agreement_terms     TEXT,
        agreement_deadline  TEXT,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX mediation_cases_open ON mediation_cases (accepted_on) WHERE outcome IS NULL;
    `);
  },
};
