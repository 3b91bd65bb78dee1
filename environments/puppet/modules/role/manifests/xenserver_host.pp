# A XenServer host (dom0), nested lab host or QE hypervisor alike: time from the environment's NTP
# servers, the sysctl settings nova-compute on XenServer expects, and the hypervisor-side nova
# plugins (XenAPI plugins called by the compute driver).
class role::xenserver_host (
  Array[String] $ntp_servers = lookup('inception::ntp_servers', Array[String], 'first', ['0.pool.ntp.org']),
) {
  include inception

  file { '/etc/chrony.conf':
    ensure  => file,
    mode    => '0644',
    content => "# Managed by Puppet (Inception)\n${ntp_servers.map |$s| { "server ${s} iburst" }.join("\n")}\n",
  }

  file { '/etc/sysctl.d/90-inception-nova.conf':
    ensure  => file,
    mode    => '0644',
    content => "# Managed by Puppet (Inception)\nnet.ipv4.conf.all.rp_filter = 0\nnet.bridge.bridge-nf-call-iptables = 0\nvm.swappiness = 10\n",
  }

  file { '/etc/xapi.d/plugins':
    ensure  => directory,
    mode    => '0755',
    recurse => true,
    source  => 'puppet:///modules/xenserver/plugins',
  }
}
