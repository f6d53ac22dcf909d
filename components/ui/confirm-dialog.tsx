'use client';

import { TriangleAlert } from 'lucide-react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { type ButtonSize, type ButtonVariant, buttonStyles } from './button';

// Asks before an action that cannot be undone (revoke, remove, disconnect): an accessible alert
// dialog (focus trapped, Escape cancels, focus returns to the button).

export function ConfirmDialog({
  trigger,
  triggerLabel,
  triggerVariant = 'secondary',
  triggerSize = 'sm',
  isDisabled,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
}: {
  /** The button's text; triggerLabel is its accessible name when the text alone is ambiguous. */
  trigger: React.ReactNode;
  triggerLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  isDisabled?: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
}) {
  return (
    <DialogTrigger>
      <Button aria-label={triggerLabel} isDisabled={isDisabled} className={buttonStyles(triggerVariant, triggerSize)}>
        {trigger}
      </Button>
      <ModalOverlay isDismissable className="fixed inset-0 z-50 grid place-items-center bg-black/40 p-4 backdrop-blur-[2px]">
        <Modal className="w-full max-w-md rounded-2xl border border-line bg-surface p-6 text-fg shadow-2xl outline-none">
          <Dialog role="alertdialog" className="outline-none">
            {({ close }) => (
              <div className="flex gap-4">
                <span className="grid size-10 shrink-0 place-items-center rounded-full bg-red-50 text-red-600 dark:bg-red-500/10 dark:text-red-400">
                  <TriangleAlert aria-hidden className="size-5" />
                </span>
                <div className="min-w-0 flex-1">
                  <Heading slot="title" className="text-base font-semibold">
                    {title}
                  </Heading>
                  <div className="mt-2 text-sm text-muted">{children}</div>
                  <div className="mt-6 flex flex-wrap justify-end gap-2">
                    <Button autoFocus onPress={close} className={buttonStyles('secondary')}>
                      {cancelLabel}
                    </Button>
                    <Button
                      onPress={() => {
                        close();
                        onConfirm();
                      }}
                      className={buttonStyles('danger')}
                    >
                      {confirmLabel}
                    </Button>
                  </div>
                </div>
              </div>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
