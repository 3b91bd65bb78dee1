# The Nova API control VM: nova-api from the build's packages.
class role::nova_api {
  include inception

  package { 'nova-api':
    ensure => $inception::version,
  }

  file { '/etc/nova/nova-api.conf':
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/ini.epp', { sections => {
      "DEFAULT" => { "transport_url" => "rabbit://nova:${inception::rabbit_password_text}@rabbitmq:5672/" },
      "api_database" => { "connection" => "mysql+pymysql://nova:${inception::db_password_text}@mysql/nova_api" },
      "keystone_authtoken" => { "www_authenticate_uri" => $inception::endpoints["keystone"] },
    } })),
    require   => Package['nova-api'],
    notify    => Service['nova-api'],
  }

  service { 'nova-api':
    ensure => running,
    enable => true,
  }
}
