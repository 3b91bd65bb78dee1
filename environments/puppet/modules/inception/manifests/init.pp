# Values every role reads, from the Hiera data Inception renders for the node and the build.
class inception (
  String $node_name = lookup('inception::node::name'),
  String $cell = lookup('inception::node::cell', String, 'first', ''),
  String $version = lookup('inception::build::version', String, 'first', 'installed'),
  Hash[String, String] $endpoints = lookup('inception::endpoints', Hash[String, String], 'first', {}),
  Variant[String, Sensitive[String]] $rabbit_password = lookup('inception::secrets::rabbit_password', Variant[String, Sensitive[String]], 'first', ''),
  Variant[String, Sensitive[String]] $db_password = lookup('inception::secrets::db_password', Variant[String, Sensitive[String]], 'first', ''),
) {
  $rabbit_password_text = $rabbit_password ? { Sensitive => $rabbit_password.unwrap, default => $rabbit_password }
  $db_password_text = $db_password ? { Sensitive => $db_password.unwrap, default => $db_password }
}
