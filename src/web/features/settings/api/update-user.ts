import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { usersQuery, type User } from '../../../lib/queries/people';

export type UpdateUserInput = {
  id: string;
  version: number;
  name?: string;
  role?: User['role'];
  active?: boolean;
  locale?: User['locale'];
  timezone?: string | null;
  digestEnabled?: boolean;
  digestHour?: number;
};

/** Role and active are for admins; anyone may change their own name, language, zone and digest. */
export const updateUser = ({ id, ...body }: UpdateUserInput) =>
  api<User>(`/users/${id}`, { method: 'PATCH', body });

export const useUpdateUser = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      client.setQueryData(usersQuery.queryKey, (all) =>
        all?.map((u) => (u.id === user.id ? user : u)),
      );
      client.setQueryData(['users', user.id], user);
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: usersQuery.queryKey }),
        client.invalidateQueries({ queryKey: ['me'] }),
      ]),
  });
};
