import { Button, type ButtonProps } from 'antd';

/**
 * An action that reads as a link inside a table row, breadcrumb or sentence: a real button (reached by Tab,
 * pressed by Enter or Space, announced as a button), not an `<a>` without an address.
 */
export function LinkButton({ className, ...props }: Omit<ButtonProps, 'type' | 'size'>) {
  return <Button type="link" size="small" className={className ? `link-button ${className}` : 'link-button'} {...props} />;
}
