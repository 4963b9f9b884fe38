import type { z } from 'zod';
import type { ReadScope, Subject, TEntity } from '../../domain/permissions.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from './context.ts';

/*
 * The definition of an entity that the generic service (read.ts, write.ts), the read rules (access.ts) and the generic
 * routes (resource.routes.ts) work from. The core knows no entity: what is special about one is a field or a slot of
 * its definition, filled by the room that owns the entity (ADR 0019).
 */

export type Row = Record<string, unknown>;
/** A stored record as the API returns it: camelCase fields, its id, version and owner. */
export type Record_ = Row & { id: string; version: number; ownerId: string | null };

/** A many-to-many field stored in a link table, such as a list of organisations involved (rows: from, to, position). */
export interface LinkDef {
  field: string;
  table: string;
  from: string;
  to: string;
}

/**
 * A field holding the id (or, with `column`, another key) of records elsewhere, checked on every write. `where` narrows
 * what may be referred to; `:name` in it stands for the written record's field `name` (`:id` for its own id).
 */
export interface ReferenceDef {
  field: string;
  table: string;
  column?: string;
  /** The field is an array of references. */
  many?: boolean;
  where?: string;
  message?: string;
  /** The field the message is about, when it is not `field` (a year that must fall in the referred record's period). */
  path?: string;
}

/** Fields whose value must be unique among the records that share the `scope` fields (an import key within its parent). */
export interface UniqueDef {
  field: string;
  scope: string[];
  message: string;
}

/** Binds a value as the next query parameter and returns its placeholder (`$3`). */
export type Bind = (value: unknown) => string;

/**
 * The read rule of an entity as a SQL condition on a list (alias `a`), with the actor's read scope; 'public' when
 * everyone reads every record (names of organisations).
 */
export type ReadRule = 'public' | ((a: string, scope: ReadScope, bind: Bind) => string);

/**
 * The document a record is part of, kept in step with it: after every write that changes its content the keeper is
 * told, in the write's transaction (a document's status follows its content, ADR 0014). Writes of `monitoringFields` only
 * do not change the content.
 */
export interface Keeper {
  /** The key of the document the (new, stored or deleted) record belongs to; null when there is none. */
  keyOf: (tx: Db, rec: Row) => Promise<string | null>;
  /**
   * Locks the document before the record is written, so every content write and the document's own workflow (its
   * approval) take their locks in the same order and cannot deadlock.
   */
  lock: (tx: Db, key: string) => Promise<void>;
  /** Brings the document in step after a content write; bulk work (`ctx.deferred`) collects the keys instead. */
  afterWrite: (tx: Db, ctx: RequestContext, key: string) => Promise<void>;
  monitoringFields?: readonly string[];
}

/** Whether the entity's records are the content of a document: then its keeper is required, by type. */
export type ContentSlots = { isContent: false } | { isContent: true; keptBy: Keeper };

/**
 * How an entity is stored and read: enough for the reads (read.ts) and the read rules (access.ts), not for a write.
 */
export interface ResourceShape {
  /** URL segment and the entity's name in the permission rules. */
  name: TEntity;
  table: string;
  /** Dutch name for messages: 'Activiteit'. */
  label: string;
  fields: z.ZodObject;
  create: z.ZodType;
  output: z.ZodObject;
  /** The record that contains this one; the owner comes from it unless `owner` says otherwise. */
  parent?: { field: string; table: string };
  /** 'field': the `ownerId` field; 'organisation': a municipality or collaboration owns itself, others their parent's owner. */
  owner?: 'field' | 'organisation';
  /** Fields that cannot change after creation (a record does not move to another parent). */
  fixed?: string[];
  /**
   * Fields only a workflow changes, never a PATCH, and that a create through the API leaves at their `initial` values
   * (system work, such as the demo import, may set them); with the message that says which workflow.
   */
  workflow?: { fields: string[]; initial: Row; message: string };
  links?: LinkDef[];
  references?: ReferenceDef[];
  unique?: UniqueDef[];
  /** Columns stored as jsonb. */
  json?: string[];
  /** Columns computed from the fields on every write, in its transaction (the parsed tijdpad next to its text). */
  derive?: (tx: Db, record: Row) => Promise<Row>;
  /** Query parameters a list may filter on (camelCase field names). */
  filters: string[];
  /** Default order of a list. */
  order: string;
  /** What the permission rules need to know of a record besides its entity, owner and the owner's members. */
  subject?: (tx: Db, rec: Row) => Promise<Partial<Subject>>;
  /** The read rule for lists; `can(actor, 'read', subject)` decides single records. */
  read: ReadRule;
  /** Why fields the actor may not change were refused (the actor may update the record, not those fields). */
  refusedFieldsMessage?: string;
  /** Checks before a delete, in its transaction (an official record stays). */
  onDelete?: (tx: Db, before: Record_) => Promise<void>;
  /**
   * Rules and side effects of an update that belong to this entity alone, run in the update's transaction after the
   * merged record was validated and authorised, before it is written (allowed status transitions and their history).
   */
  onUpdate?: (tx: Db, ctx: RequestContext, before: Record_, after: Row) => Promise<void>;
  /**
   * What a reader who may not read a record (or a list) reads instead, where the room serves another state of it – a
   * frozen version of its document (ADR 0020); null when there is none and the refusal stands.
   */
  served?: ServedReads;
}

/** Reads of an entity served from another state than the stored one: one record by id, a list by its filter. */
export interface ServedReads {
  get: (db: Db, ctx: RequestContext, id: string) => Promise<Record_ | null>;
  list: (db: Db, ctx: RequestContext, filter: Row) => Promise<Record_[] | null>;
}

/**
 * How one entity is stored, checked and kept: the generic service, repository and routes do the rest. Only a
 * ResourceDef can be written (write.ts), and it says whether its records are content – with their keeper – or not.
 */
export type ResourceDef = ResourceShape & ContentSlots;
