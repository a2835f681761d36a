// Masks credentials in text bound for a log. Request lines name only safe fields; error lines
// carry an error's message and stack, which a library may have built from its input (a JSON
// parser quotes the body it choked on, an ORM prints the arguments of a failed call). Whatever
// such text holds, these shapes never reach the log in clear.

const RULES: [RegExp, string][] = [
  // JWTs (access and refresh tokens: three parts) and JWEs (Auth.js session cookies: five).
  [/eyJ[\w-]+(?:\.[\w-]*){2,4}/g, "[redacted token]"],
  // API keys keep their prefix and public id, which name the key without granting anything.
  [/\b(es[kp]_[0-9a-f]{16})_[\w-]{20,}/g, "$1_[redacted]"],
  [/\bwhsec_[A-Za-z0-9+/=]{8,}/g, "whsec_[redacted]"],
  [/\b(Bearer\s+)\S+/gi, "$1[redacted]"],
  // Fields that hold a secret, quoted (JSON, possibly escaped inside a string) or form-encoded.
  [
    /(\\?"[\w-]*(?:password|secret|token|authorization|cookie)[\w-]*\\?"\s*:\s*)(\\?")(?:[^"\\]|\\(?!")|\\")*?\2/gi,
    "$1$2[redacted]$2",
  ],
  [/\b([\w-]*(?:password|secret|token)[\w-]*=)[^&\s"]+/gi, "$1[redacted]"],
];

export function redactSecrets(text: string): string {
  return RULES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
