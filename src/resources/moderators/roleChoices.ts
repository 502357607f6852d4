import { roles } from '../../domain/model';

/** The roles as SelectInput choices; react-admin translates the names. */
export const roleChoices = roles.map((role) => ({ id: role, name: `verity.roles.${role}` }));
