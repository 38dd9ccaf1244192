import { create } from 'zustand';

interface Toast {
  id: number;
  text: string;
  tone: 'success' | 'error';
}

interface ToastStore {
  toasts: Toast[];
  nextId: number;
  show(text: string, tone?: Toast['tone']): void;
  dismiss(id: number): void;
}

export const useToasts = create<ToastStore>((set, get) => ({
  toasts: [],
  nextId: 1,
  show: (text, tone = 'success') => {
    const id = get().nextId;
    set((s) => ({ toasts: [...s.toasts, { id, text, tone }], nextId: id + 1 }));
    setTimeout(() => get().dismiss(id), 4000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((toast) => toast.id !== id) })),
}));

export const showToast = (text: string, tone?: Toast['tone']) => useToasts.getState().show(text, tone);

/** Short confirmations ("Versão 2 publicada"), announced to screen readers. */
export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          {toast.text}
        </div>
      ))}
    </div>
  );
}
