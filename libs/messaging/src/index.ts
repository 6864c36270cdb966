export * from './mail-sender';
export * from './message.dto';
export * from './message.service';
export * from './messaging.module';
export * from './smtp-catcher';
