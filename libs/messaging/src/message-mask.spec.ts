import { maskSecretLinks } from './message-mask';

describe('maskSecretLinks', () => {
  const token = 'eyJyZXZpZXdJZCI6IjEyMyJ9.c2lnbmF0dXJlX2hlcmU';

  it.each([
    [`  http://localhost:3000/api/v1/review-links/${token}\n`, '  http://localhost:3000/api/v1/review-links/•••\n'],
    [`<a href="https://klausul.odense.dk/api/v1/review-links/${token}">Bekræft</a>`, '<a href="https://klausul.odense.dk/api/v1/review-links/•••">Bekræft</a>'],
    [`(https://x.dk/api/v1/review-links/${token})`, '(https://x.dk/api/v1/review-links/•••)'],
    [`https://x.dk/invite?token=${token}&lang=da`, 'https://x.dk/invite?token=•••&lang=da'],
    ['https://x.dk/reset?code=abc123', 'https://x.dk/reset?code=•••'],
    [`Bekræft: https://klausul.odense.dk/confirm/${token}\n`, 'Bekræft: https://klausul.odense.dk/confirm/•••\n'],
    [`<a href="https://klausul.odense.dk/invitation/${token}">Vælg adgangskode</a>`, '<a href="https://klausul.odense.dk/invitation/•••">Vælg adgangskode</a>'],
    [`https://klausul.odense.dk/reset-password/${token}`, 'https://klausul.odense.dk/reset-password/•••'],
  ])('hides the secret of %j', (text, shown) => {
    expect(maskSecretLinks(text)).toBe(shown);
    expect(maskSecretLinks(text)).not.toContain(token);
  });

  it.each([
    'https://klausul.odense.dk/api/v1/job-orders/0b6f4a2e-1111-4c2b-9a61-2f1f6f0c9d11',
    'Bekræft for hver kontrakt, hvem der stadig er ansat.',
    'https://x.dk/list?page=2&sort=-createdAt',
    'https://klausul.odense.dk/forgot-password',
    'https://klausul.odense.dk/api/v1/reviews/0b6f4a2e-1111-4c2b-9a61-2f1f6f0c9d11/confirmation',
  ])('leaves %j as it is', (text) => {
    expect(maskSecretLinks(text)).toBe(text);
  });

  it('keeps null as null', () => {
    expect(maskSecretLinks(null)).toBeNull();
  });
});
