import { useState } from 'react';
import { errorMessage } from '../../client/callFailure';

/** The file a person chose to import, and why it could not be read, if it could not. */
export function useChosenFile(missingMessage: string) {
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | undefined>();

  const choose = (next: File | null) => {
    setFile(next);
    setReadError(undefined);
  };

  /** The file's text, or null once the reason is shown beside the file input. */
  const read = async (): Promise<string | null> => {
    if (!file) {
      setReadError(missingMessage);
      return null;
    }
    setReadError(undefined);
    try {
      return await file.text();
    } catch (error) {
      setReadError(`Could not read the file: ${errorMessage(error)}`);
      return null;
    }
  };

  return { file, choose, read, readError };
}
