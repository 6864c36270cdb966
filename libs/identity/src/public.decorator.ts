import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'klausul:public';

/** The route needs no signed-in actor (the authentication guard lets every request through). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
