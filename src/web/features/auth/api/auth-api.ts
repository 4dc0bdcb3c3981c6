import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Me } from '../../session/use-me';

export const useLogin = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<Me>('/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(['me'], me);
    },
  });
};

export const useLogout = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST', body: {} }),
    onSuccess: () => {
      client.clear();
      client.setQueryData(['me'], null);
    },
  });
};

export type InvitationPreview = { email: string; role: string; workspaceName: string };

export const fetchInvitation = (token: string) =>
  api<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`);

export const useAcceptInvitation = (token: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; password: string }) =>
      api<Me>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body }),
    onSuccess: (me) => client.setQueryData(['me'], me),
  });
};

/** Saves the language on the user, so it follows them to every device. */
export const useSaveLanguage = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, locale }: { userId: string; locale: 'en' | 'vi' }) => {
      const user = await api<{ version: number }>(`/users/${userId}`);
      return api(`/users/${userId}`, { method: 'PATCH', body: { version: user.version, locale } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
};
