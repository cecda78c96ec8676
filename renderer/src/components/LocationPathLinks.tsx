import { Anchor, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import type { PathEntry } from '../../../main/contract';

/** "Workshop / Shelf A / Bin 3", each step a link, the last one emphasised. */
export function LocationPathLinks({ path }: { path: PathEntry[] }) {
  return (
    <Text component="span" size="sm">
      {path.map((entry, index) => (
        <Fragment key={entry.id}>
          {index > 0 && (
            <Text span c="dimmed" mx={4} aria-hidden="true">
              /
            </Text>
          )}
          <Anchor component={Link} to={`/locations/${entry.id}`} c={index === path.length - 1 ? undefined : 'dimmed'} size="sm">
            {entry.name}
          </Anchor>
        </Fragment>
      ))}
    </Text>
  );
}
