import { useState } from 'react';
import { errorMessage } from '../../client/callFailure';
import { useClient } from '../../client/client';
import { inCallLimit, uploadLimit, whyNotAnExport } from './exportFileCheck';

/** How the import call names the export: its text (desktop), or the upload the host holds (browser). */
export type ExportSource = { content: string } | { uploadId: string };

export interface UploadProgress {
  sent: number;
  total: number;
}

export type Sent = { source: ExportSource } | { problem: string };

/**
 * Gets a chosen InvenTree export to the host: a quick look at its size and first bytes first, so a
 * wrong or oversize file is refused at once, then an upload with progress where the transport has
 * one, or the file's text for the call (the desktop app, up to its own limit).
 */
export function useSendExport() {
  const { transport } = useClient();
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [sending, setSending] = useState(false);

  const send = async (file: File): Promise<Sent> => {
    setUpload(null);
    setSending(true);
    try {
      const problem = await whyNotAnExport(file, transport.upload ? uploadLimit : inCallLimit);
      if (problem) return { problem };
      if (!transport.upload) return { source: { content: await file.text() } };
      setUpload({ sent: 0, total: file.size });
      const result = await transport.upload(file, (sent, total) => setUpload({ sent, total }));
      if (!result.ok) {
        setUpload(null);
        return { problem: result.error.message };
      }
      setUpload({ sent: result.value.bytes, total: result.value.bytes });
      return { source: { uploadId: result.value.uploadId } };
    } catch (error) {
      return { problem: `Could not read the file: ${errorMessage(error)}` };
    } finally {
      setSending(false);
    }
  };

  return { send, upload, sending, reset: () => setUpload(null) };
}
