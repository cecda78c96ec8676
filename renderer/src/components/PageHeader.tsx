import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface Crumb {
  label: string;
  to: string;
}

interface PageHeaderProps {
  title: ReactNode;
  crumbs?: Crumb[];
  /** Badges or small facts shown beside the title. */
  badges?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/** Below this width beside the actions a title would wrap word by word; the actions wrap instead. */
const TITLE_BASIS = 480;

/** The top of every page: where you are (breadcrumbs), what this is (heading), what you can do (actions). */
export function PageHeader({ title, crumbs, badges, description, actions }: PageHeaderProps) {
  return (
    <Stack gap={6} mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs aria-label="Breadcrumb" separatorMargin={6} fz="sm">
          {crumbs.map((crumb) => (
            <Anchor key={crumb.to} component={Link} to={crumb.to} c="dimmed" fz="sm">
              {crumb.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      {/* The title takes the room it needs; when the actions no longer fit beside it they move below. */}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Box miw={0} style={{ flex: `1 1 ${TITLE_BASIS}px` }}>
          <Group gap="sm" align="center">
            <Title order={1} fz={26} lh={1.25} miw={0} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {badges}
          </Group>
          {description && (
            <Text c="dimmed" mt={4} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {description}
            </Text>
          )}
        </Box>
        {actions && (
          <Group gap="xs" wrap="wrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
