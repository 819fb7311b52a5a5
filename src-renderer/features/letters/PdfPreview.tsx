import { useEffect, useRef } from 'react';

/**
 * A PDF shown in the page: a blob URL in an iframe (the CSP allows frame-src
 * blob:, and object-src is 'none', so no <object>/<embed>). The URL is set on
 * the frame directly and freed when the bytes change or the preview goes away.
 */
export function PdfPreview({ bytes, title }: { bytes: Uint8Array<ArrayBuffer>; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    if (frame.current) frame.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [bytes]);
  return <iframe ref={frame} className="letter-preview" title={title} />;
}
