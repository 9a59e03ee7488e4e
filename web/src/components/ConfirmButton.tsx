import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useT } from '../i18n/i18n.js';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** The button's label, also the confirming button's. */
  children: ReactNode;
  /** What the person is asked before the action (e.g. "the document is numbered and can no longer be changed"). */
  message: ReactNode;
  onConfirm: () => void;
}

/**
 * A button for an action that cannot be undone (signing and numbering a document): it asks first,
 * in a dialog, and acts only on the confirming button.
 */
export function ConfirmButton({ children, message, onConfirm, disabled, ...button }: ConfirmButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...button} disabled={disabled} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={children}>
        <Stack>
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={button.color}
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
