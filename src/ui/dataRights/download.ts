/** Saves text as a file through the browser (a Blob and a temporary link), as the pane can in every Outlook host's web view. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns: the URL is freed a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
