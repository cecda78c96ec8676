import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router-dom';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <Center py={96}>
      <Stack align="center" gap="sm" ta="center" maw={420}>
        <ThemeIcon size={64} radius="xl" variant="light" color="gray">
          <IconMapQuestion size={32} />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {what === 'page' ? 'Page not found' : `This ${what} does not exist`}
        </Title>
        <Text c="dimmed">
          {what === 'page'
            ? 'The address does not match anything in Stockbell.'
            : `It may have been deleted, or the link is out of date.`}
        </Text>
        <Button component={Link} to="/" mt="sm">
          Go to Home
        </Button>
      </Stack>
    </Center>
  );
}
