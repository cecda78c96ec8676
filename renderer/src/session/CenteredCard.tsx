import { Box, Card, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The frame for screens shown before the app itself: first run and choosing who you are. */
export function CenteredCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={440}>
        <Group gap="xs" justify="center" mb="lg">
          <ThemeIcon size={36} radius="md" variant="filled">
            <IconBell size={20} />
          </ThemeIcon>
          <Text fw={700} fz={22}>
            Stockbell
          </Text>
        </Group>
        <Card shadow="sm" p="xl">
          <Stack gap={4} mb="lg">
            <Title order={1} fz={22}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Card>
      </Box>
    </Center>
  );
}
