/** The shortest password a moderator may set; the server enforces it and the forms say so first. */
export const minPasswordLength = 12;
