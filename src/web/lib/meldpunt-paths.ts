/** The meldpunt's URLs in the web app (issue 13, part 4): links and routes agree. */
export const meldpuntPaths = {
  /** The melding's detail page (the triage's). */
  melding: (id: string) => `/meldpunt/meldingen/${id}`,
  forward: (id: string) => `/meldpunt/meldingen/${id}/doorsturen`,
  inbox: () => '/meldpunt/doorgestuurd',
  inboxForward: (id: string) => `/meldpunt/doorgestuurd/${id}`,
  notifications: () => '/notificaties',
  settings: (organisationId: string) => `/organisaties/${organisationId}/meldpunt`,
};
