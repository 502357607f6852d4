/**
 * The National Provider Identifier's check digit: Luhn over the first nine digits as if they were
 * prefixed by 80840, the health industry's card-issuer prefix. The prefix always adds 24 to the sum.
 */
export function npiCheckDigit(first9: string): number {
  if (!/^\d{9}$/.test(first9)) throw new RangeError('an NPI check digit is computed over exactly 9 digits');
  let sum = 24;
  for (let fromRight = 0; fromRight < 9; fromRight++) {
    let digit = first9.charCodeAt(8 - fromRight) - 48;
    if (fromRight % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Ten digits, starting with 1 or 2, whose last digit is the check digit of the nine before it. */
export function isValidNpi(npi: string): boolean {
  return /^[12]\d{9}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}
