export * from './mutation';
