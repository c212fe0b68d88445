import { useEffect, useRef, type ReactNode } from 'react';
import { useReturnFocus } from '../layout/focus.ts';

/** A modal `<dialog>`: focus moves in (and back out when it closes), Escape closes, the page behind is inert. */
export function Modal(props: {
  labelledBy: string;
  onClose: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { onClose } = props;
  useReturnFocus();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    const onCancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open && typeof d.close === 'function') d.close();
    };
  }, [onClose]);
  return (
    <dialog
      ref={ref}
      className={`share-modal ${props.className ?? ''}`}
      aria-labelledby={props.labelledBy}
      data-testid={props.testId}
    >
      {props.children}
    </dialog>
  );
}
