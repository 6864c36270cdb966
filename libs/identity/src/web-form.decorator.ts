import { SetMetadata } from '@nestjs/common';

export const WEB_FORM_KEY = 'klausul:webForm';

/**
 * A web UI controller: its forms carry a per-session synchronizer token (checked by
 * libs/web's form CSRF middleware before the route runs), so the API's header rule
 * (X-Klausul-CSRF, which an HTML form cannot send) does not apply to it.
 */
export const WebForms = () => SetMetadata(WEB_FORM_KEY, true);
