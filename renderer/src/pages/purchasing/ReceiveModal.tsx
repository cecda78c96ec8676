import { NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PurchaseOrderDetail } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { hierarchyOptions } from '../../components/hierarchy';
import { fieldErrorsOf } from '../../components/forms/formErrors';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { notifyDone } from '../../components/notify';

interface ReceiveModalProps {
  order: PurchaseOrderDetail;
  opened: boolean;
  onClose: () => void;
}

export function ReceiveModal(props: ReceiveModalProps) {
  return (
    <FormModal opened={props.opened} onClose={props.onClose} title={`Receive ${props.order.reference}`} size="xl">
      <ReceiveForm {...props} />
    </FormModal>
  );
}

interface Entry {
  lineId: number;
  quantity: string;
  locationId: number | null;
  batch: string;
}

/** What arrived, line by line, and where it goes: each becomes a stock item at that location. */
function ReceiveForm({ order, onClose }: ReceiveModalProps) {
  const receive = useMutate('purchaseOrders.receive');
  const locations = useCall('locations.list', {});
  const locationOptions = hierarchyOptions(locations.data ?? []);
  const errors = fieldErrorsOf(receive.error);
  const [unplaced, setUnplaced] = useState<Set<number>>(new Set());
  const waiting = order.lines.filter((line) => Number(line.outstanding) > 0);
  const [entries, setEntries] = useState<Entry[]>(waiting.map((line) => ({ lineId: line.id, quantity: line.outstanding, locationId: null, batch: '' })));
  const change = (index: number, patch: Partial<Entry>) => setEntries((current) => current.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)));
  const chosen = entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.quantity.trim() !== '' && Number(entry.quantity) > 0);

  return (
    <FormBody
      onSubmit={() => {
        // Where each arrival goes is asked here, next to its row, before anything is sent.
        const missing = new Set(chosen.filter(({ entry }) => entry.locationId === null).map(({ index }) => index));
        setUnplaced(missing);
        if (missing.size > 0) return;
        receive.mutate(
          { orderId: order.id, lines: chosen.map(({ entry }) => ({ lineId: entry.lineId, quantity: entry.quantity, locationId: entry.locationId ?? 0, batch: entry.batch })) },
          {
            onSuccess: (saved) => {
              notifyDone(`Received on ${saved.reference}`, `${chosen.length === 1 ? 'One line' : `${chosen.length} lines`} added to stock.`);
              onClose();
            },
          },
        );
      }}
      onCancel={onClose}
      submitLabel="Add to stock"
      pending={receive.isPending}
      error={receive.error}
      fieldNames={entries.flatMap((_, index) => [`lines.${index}.quantity`, `lines.${index}.locationId`, `lines.${index}.batch`])}
    >
      <Text size="sm" c="dimmed">
        Set what arrived (0 for a line that did not) and where it goes. Each line becomes a stock item there, recorded as received on {order.reference}.
      </Text>
      <Table verticalSpacing="xs" aria-label="Lines to receive">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Part</Table.Th>
            <Table.Th w={130}>Arrived</Table.Th>
            <Table.Th w={240}>Location</Table.Th>
            <Table.Th w={150}>Batch</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {waiting.map((line, index) => {
            const entry = entries[index];
            if (!entry) return null;
            // The host numbers the lines it was sent; map its field names back to this table's rows.
            const sentIndex = chosen.findIndex((item) => item.index === index);
            const fieldError = (field: string) => (sentIndex >= 0 ? errors[`lines.${sentIndex}.${field}`] : undefined);
            return (
              <Table.Tr key={line.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {line.partName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {line.outstanding} {line.units} still to come{line.sku ? ` · ${line.sku}` : ''}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Arrived of ${line.partName}`}
                    min={0}
                    decimalScale={5}
                    value={entry.quantity}
                    onChange={(value) => change(index, { quantity: String(value) })}
                    error={fieldError('quantity')}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Location for ${line.partName}`}
                    placeholder="Where it goes"
                    data={locationOptions}
                    value={entry.locationId === null ? null : String(entry.locationId)}
                    onChange={(value) => change(index, { locationId: value ? Number(value) : null })}
                    searchable
                    error={unplaced.has(index) ? 'Choose where it goes' : fieldError('locationId')}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Batch of ${line.partName}`} value={entry.batch} onChange={(event) => change(index, { batch: event.currentTarget.value })} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </FormBody>
  );
}
