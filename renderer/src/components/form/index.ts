export { FormHeader } from './FormHeader';
export { FormProblem } from './FormProblem';
export { useLeaveGuard } from './use-leave-guard';
