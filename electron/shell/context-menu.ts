/** The fields of Electron's `context-menu` params that decide the menu. */
export interface ContextParams {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean };
}

export interface EditItem {
  role: 'cut' | 'copy' | 'paste';
  label: string;
  enabled: boolean;
}

/**
 * The right-click menu: Cut, Copy and Paste on a text field (so a mouse user can paste a ucid), Copy on
 * selected text elsewhere, nothing otherwise. Electron shows no context menu by default.
 */
export function contextMenuItems(params: ContextParams): EditItem[] | null {
  const f = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'cut', label: 'Cut', enabled: f.canCut },
      { role: 'copy', label: 'Copy', enabled: f.canCopy },
      { role: 'paste', label: 'Paste', enabled: f.canPaste },
    ];
  }
  if (params.selectionText.trim()) return [{ role: 'copy', label: 'Copy', enabled: true }];
  return null;
}
