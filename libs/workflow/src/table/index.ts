export * from './mermaid';
export * from './transition-table';
