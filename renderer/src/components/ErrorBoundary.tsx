import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the route) clears a caught error, so one broken page does not lock the window. */
  resetKey?: string;
}
interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** A render error shows a plain Chinese page with a way out instead of a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('render error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="界面出错了"
        subTitle="这一页显示时出了问题，数据没有受到影响。可以重新加载界面，或换到其他页面继续工作。"
        extra={[
          <Button key="reload" type="primary" onClick={() => window.location.reload()}>
            重新加载界面
          </Button>,
          <Button key="retry" onClick={() => this.setState({ error: null })}>
            再试一次
          </Button>,
        ]}
      >
        <Typography.Paragraph type="secondary" copyable>
          {this.state.error.message}
        </Typography.Paragraph>
      </Result>
    );
  }
}
