import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** A button in the toast, e.g. "Open" after a record was created elsewhere on the screen. */
export type ToastAction = { label: string; onClick: () => void };
type Toast = {
  id: number;
  message: string;
  kind: 'info' | 'error';
  actions?: ToastAction[] | undefined;
};
type ToastApi = { show: (message: string, kind?: Toast['kind'], actions?: ToastAction[]) => void };

const ToastContext = createContext<ToastApi>({ show: () => undefined });

/** Short messages in a polite live region (errors assertive), gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback(
    (message: string, kind: Toast['kind'] = 'info', actions?: ToastAction[]) => {
      const id = Date.now() + Math.random();
      setToasts((all) => [...all, { id, message, kind, actions }]);
      setTimeout(
        () => setToasts((all) => all.filter((t) => t.id !== id)),
        kind === 'error' || actions ? 7000 : 4000,
      );
    },
    [],
  );
  return (
    <ToastContext.Provider value={{ show }}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={`toast toast-${t.kind}`}
            role={t.kind === 'error' ? 'alert' : 'status'}
          >
            {t.message}
            {t.actions && (
              <span className="toast-actions">
                {t.actions.map((action) => (
                  <button
                    key={action.label}
                    type="button"
                    className="toast-action"
                    onClick={action.onClick}
                  >
                    {action.label}
                  </button>
                ))}
              </span>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
