import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { proposalText } from '../../text/nl/proposal.ts';

const P = proposalText.proposal;

interface Props {
  /** What the item is called ("Besluitpunt 2"): the buttons say what they move or remove. */
  label: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** The item's name, for screen readers: the visible labels stay short. */
const Hidden = ({ label }: { label: string }) => <span className="regie-visually-hidden">{P.context(label)}</span>;

/** Up, down and remove for one item of an editable list; the first has no "up", the last no "down". */
export function ListItemControls({ label, index, count, onMove, onRemove }: Props) {
  return (
    <ButtonGroup className="regie-list-controls">
      {index > 0 && (
        <Button type="button" appearance="subtle-button" onClick={() => onMove(index, index - 1)}>{P.moveUp}<Hidden label={label} /></Button>
      )}
      {index < count - 1 && (
        <Button type="button" appearance="subtle-button" onClick={() => onMove(index, index + 1)}>{P.moveDown}<Hidden label={label} /></Button>
      )}
      <Button type="button" appearance="subtle-button" onClick={() => onRemove(index)}>{P.remove}<Hidden label={label} /></Button>
    </ButtonGroup>
  );
}

/** The list with one item moved. */
export const moved = <T,>(items: T[], from: number, to: number): T[] => {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};
