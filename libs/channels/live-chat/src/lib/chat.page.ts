const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The hosted chat page (`GET /chat/<connection id>`): the widget alone, filling the window, for
 * trying a connection and for links in emails. No inline script: the page loads the widget from
 * the gateway (`/widget/<id>.js`), so its content security policy can allow only the gateway itself.
 */
export function chatPage(connectionId: string, title: string): string {
  const id = encodeURIComponent(connectionId);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,">
<title>${escape(title)}</title>
</head>
<body>
<noscript>This chat needs JavaScript.</noscript>
<script src="/widget/${id}.js" data-mode="page" async></script>
</body>
</html>
`;
}
