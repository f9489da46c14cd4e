export { ListSearch, type ListSearchProps } from './ListSearch';
export { ListToolbar } from './ListToolbar';
