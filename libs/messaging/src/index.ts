export * from './mail-sender';
export * from './message.dto';
export * from './message.service';
export * from './messaging.module';
export * from './smtp-catcher';
export * from './webhook-endpoint.repository';
export * from './webhook-sender';
export * from './webhook-signature';
