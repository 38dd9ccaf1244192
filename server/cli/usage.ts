export class CliError extends Error {}

export const usage = `Fluxo admin CLI — npm run cli -- <command> [options]

Commands:
  migrate                                  bring the database schema up to date
  admin create --email E --password P [--name N]
                                           create an admin user
  token create --role admin|editor|agent [--name N] [--user EMAIL] [--expires-days D]
                                           create an API token (printed once) acting as
                                           that user; without --user a system token
  flow import FILE [--publish]             import a flow JSON file as a new flow
  flow export ID [--out FILE]              print (or write) a flow's draft as JSON
  flow test FILE                           run a *.conversation.json test against its flow
  channel add --name N --phone-number-id ID --token T --app-secret S --verify-token V
              [--waba-id W] [--flow FLOW_ID]
                                           connect a WhatsApp number

Uses DATABASE_URL (or the embedded database in DATA_DIR) like the server.
`;
