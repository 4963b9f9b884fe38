import type { TSection } from '../../domain/schemas.ts';
import { TextBlock } from './TextBlock.tsx';

/** Narrative sections of a plan or decision, each folded open on request: plans can be long. */
export function SectionList({ sections }: { sections: TSection[] }) {
  return (
    <div className="regie-sections">
      {sections.map((s) => (
        <details key={s.key} className="regie-details regie-section">
          <summary>{s.title}</summary>
          <TextBlock text={s.body} />
        </details>
      ))}
    </div>
  );
}
