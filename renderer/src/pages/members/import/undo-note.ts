/** What 取消 of an undo means, the same under the wizard's result and in 导入记录. */
export const UNDO_NOTE = '取消后不会更改任何会员，这次导入仍可撤销。';
