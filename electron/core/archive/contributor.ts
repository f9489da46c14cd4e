// The one interface between the year-end archive and the record types. The archive knows no record type by
// name: each type that has something to archive writes `<type>.archive.ts` exporting an ArchiveContributor,
// and `electron/core/archive-registry.ts` lists them. A new record type joins the archive by adding one line
// there; nothing in archive/ changes.
import type { DB } from '../db/open';

/** DA/T 22-2015 retention codes: 永久, 定期30年, 定期10年 (DOMAIN.md §5.4). */
export type RetentionCode = 'Y' | 'D30' | 'D10';

/** One kind of item a contributor produces, with the retention it gets unless 设置 or the clerk says otherwise. */
export interface ArchiveItemKind {
  /** Stable id, unique across contributors: `<contributor>.<kind>`, e.g. `proposals.proposal`. */
  id: string;
  /** Chinese label shown in 设置 → 归档 (保管期限 per item kind). */
  label: string;
  defaultRetention: RetentionCode;
  /** Default 机构(问题) code from the 设置 list (e.g. JDH 教代会, GH 工会办公室); the clerk may change it. */
  defaultOrgCode?: string;
}

/** A file kept in the content-addressed store that belongs to the item (a scan, a photo, an attachment). */
export interface ArchiveFileRef {
  /** SHA-256 of the stored bytes, as the file store names it. */
  sha256: string;
  name: string;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
}

/** What a binder can hold (ArchiveFileRef's mimes); other files are named in the item and kept with the record. */
export const BINDABLE_MIMES: ReadonlySet<string> = new Set<ArchiveFileRef['mime']>(['application/pdf', 'image/jpeg', 'image/png']);

/** An item (件) as a record type proposes it for a year; the archive adds numbering, classes and boxes. */
export interface ArchiveItemDraft {
  /** Stable across re-planning: `<contributor>:<record id>[:<part>]`, e.g. `proposals:42`. */
  sourceKey: string;
  /** One of the contributor's kinds' ids. */
  kind: string;
  /** 题名 as the record gives it; a self-made title is marked by `selfMadeTitle` and printed in [ ]. */
  title: string;
  selfMadeTitle?: boolean;
  /** 责任者: issuing body or signer. */
  responsible: string;
  /** 文号; '' when none. */
  docNo: string;
  /** YYYY-MM-DD. */
  date: string;
  /** 密级 as marked; '' when none. */
  secrecy: string;
  /** Pages known from the record (files' pages are counted by the archive); null when unknown. */
  pages: number | null;
  files: ArchiveFileRef[];
  /** The record itself as plain JSON: stored as the item's data, hashed into the manifest, put in the package. */
  data: unknown;
  /** The record printed as a document (HTML through the PdfPort), when the item is more than its scans. */
  renderHtml?: () => string;
}

/** The source rows an item stands for, so sealing can make them read-only by trigger. */
export interface ArchiveSealTarget {
  table: string;
  /** SQL expression over the table's row (NEW/OLD columns unqualified) giving the row's archive year. */
  yearExpr: string;
  /** Chinese name of the record type for the refusal message (「2025 年度已封存，不能修改提案」). */
  label: string;
}

export interface ArchiveContributor {
  /** Stable id, e.g. `proposals`. */
  id: string;
  /** Chinese label of the source (教代会提案, 校务公开, 会员档案 …). */
  label: string;
  kinds: readonly ArchiveItemKind[];
  /**
   * The items this record type proposes for the year, in their natural order. Reads only. Usually a generator,
   * one draft at a time: planning gives the main process's event loop a turn between drafts, so a year of
   * thousands of records never holds it for long (issue 15 item 16). It must not keep a statement open across
   * its yields (read a query's rows with `.all()`, not `.iterate()`): other work runs on the connection then.
   */
  items(db: DB, year: number): Iterable<ArchiveItemDraft>;
  /** Tables to freeze when the year is sealed; omit for items that are snapshots (the roster as of 31 December). */
  sealTargets?: readonly ArchiveSealTarget[];
  /**
   * Prints an item from its stored `data` (what the plan took, what the seal hashed), so a snapshot such as the
   * roster as of 31 December prints as it was archived, not as the live rows are today. Falls back to the
   * draft's `renderHtml` when absent.
   */
  render?(db: DB, kind: string, data: unknown): string | null;
  /**
   * The bytes of a file this record type keeps in its own table rather than the file store (proposal
   * attachments are BLOBs). Planning copies them into the store, so the binder, the package and the seal read
   * every item's files from one place. Null when it has no file with that hash.
   */
  fileBytes?(db: DB, sha256: string): Uint8Array | null;
  /** What is unfinished for the year in this record type's terms (提案未办结且无说明 …), listed before sealing. */
  checks?(db: DB, year: number): { message: string; sourceKey?: string }[];
}
