import type { DocumentTree } from './tree.ts';

/**
 * A document that can be adopted and frozen (ADR 0014): its title, its content (plain JSON: what the comparison and
 * the "nothing changed" check look at) and the tree the files are rendered from. Plans, progress reports and
 * evaluations each have a source of this shape; `versions.ts` freezes any of them.
 */
export interface DocumentSource<C = unknown> {
  title: string;
  content: C;
  tree: DocumentTree;
}
