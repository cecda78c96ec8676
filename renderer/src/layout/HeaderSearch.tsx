import { Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';

/** Enter opens the Parts page filtered by the text; the Parts page owns the actual search. */
export function HeaderSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = text.trim();
    void navigate(query ? `/parts?${new URLSearchParams({ search: query }).toString()}` : '/parts');
  };

  return (
    <form onSubmit={submit} role="search">
      <TextInput
        aria-label="Search parts"
        placeholder="Search parts"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">Enter</Kbd>}
        rightSectionWidth={56}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        radius="md"
      />
    </form>
  );
}
