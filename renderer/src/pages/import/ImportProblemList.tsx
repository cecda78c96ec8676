import { Button, Collapse, List, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportSummary } from '../../../../main/contract';

/** Problems beyond these many start folded away. */
const SHOWN_PROBLEMS = 5;

/** The problems an import found, each saying what the import does about it; the first few open. */
export function ImportProblemList({ summary, color }: { summary: ImportSummary; color: string }) {
  const [all, setAll] = useState(false);
  const first = summary.problems.slice(0, SHOWN_PROBLEMS);
  const more = summary.problems.slice(SHOWN_PROBLEMS);
  const unlisted = summary.problemCount - summary.problems.length;
  // One block, so a surrounding Stack does not stretch the "Show more" button across the width.
  return (
    <div>
      <List size="sm" spacing={4} aria-label="Problems">
        {first.map((problem, index) => (
          <List.Item key={index}>{problem}</List.Item>
        ))}
      </List>
      {more.length > 0 && (
        <>
          <Collapse expanded={all}>
            <List size="sm" spacing={4} mt={4}>
              {more.map((problem, index) => (
                <List.Item key={index}>{problem}</List.Item>
              ))}
            </List>
          </Collapse>
          <Button
            variant="subtle"
            color={color}
            size="compact-sm"
            mt="xs"
            px={4}
            onClick={() => setAll((open) => !open)}
            rightSection={all ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          >
            {all ? 'Show fewer' : `Show ${more.length.toLocaleString()} more`}
          </Button>
        </>
      )}
      {unlisted > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          And {unlisted.toLocaleString()} more not listed.
        </Text>
      )}
    </div>
  );
}

export function problemsPhrase(count: number): string {
  return count === 1 ? '1 problem' : `${count.toLocaleString()} problems`;
}
