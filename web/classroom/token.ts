/** The presenter's token of a live class (`?classroom=<token>`), read before anything of the class loads. */
const TOKEN_KEY = 'rollout-lab.classroom.token';

/** The presenter's token: from the URL once (then taken out of it, so it is not shown), or this tab's. */
export function presenterToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('classroom');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Not kept: a reload then needs the printed link again.
    }
    params.delete('classroom');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
